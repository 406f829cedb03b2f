"""accords: analytical reports on science-and-technology cooperation agreements."""
__version__ = "0.1.0"
