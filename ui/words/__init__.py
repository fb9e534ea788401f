"""What the screens say: the Chinese (and English) words for every domain code and refusal,
and the forbidden-phrase watch under a text field.  Imports only ``ui.kit``.
"""
