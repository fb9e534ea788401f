"""HallClient core: services, pure domain rules, printing, configuration, CLI. No Qt here."""

__version__ = "0.1.0"
