"""The Excel door: the ribbon add-in (tab "LKjIP", button "Validasi") and what its button does.

live.py is the only module that touches xlwings objects; the rest works on its plain answers. Nothing here is
imported by the headless command.
"""
