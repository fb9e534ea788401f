"""Search keys the accounts table stores beside the text they come from.

An address is searched from the road onwards: clerks type "锦华路25号" or "锦华路", not
the city and district every account in the hall shares.  :func:`address_key` drops a
leading province, city and district (…省 …市 …区/县) after NFKC folding (full-width
digits to ASCII) and removing spaces; the search runs the same function over the typed
text, so a query that names the district still lines up with the stored key.
"""

from __future__ import annotations

import re
import unicodedata

_HAN = "\u3400-\u9fff"
_REGION = re.compile(rf"^(?:[{_HAN}]{{2,7}}?省)?(?:[{_HAN}]{{2,7}}?市)?(?:[{_HAN}]{{1,7}}?[区县])?")
KEY_LENGTH = 200


def address_key(address: str) -> str:
    """The address from its road onwards, folded for prefix search."""
    folded = "".join(unicodedata.normalize("NFKC", address).split())
    return _REGION.sub("", folded, count=1)[:KEY_LENGTH]
