"""lkjip-xl: checks the tables of Indonesian LKjIP performance reports kept in Excel."""

__version__ = "0.1.0"
