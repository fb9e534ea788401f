"""The call board (叫号屏): what a hall's TV shows and says about the queue.

Only public queue facts: ticket numbers, counters, how many wait per category.  No login:
the board reads the database like a kiosk and never writes.  A board hears each call and
recall once, as a change of a ticket's call count (:mod:`hallclient.board.watch`).
"""
