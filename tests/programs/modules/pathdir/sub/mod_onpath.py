# Shadowed: the first PYTHONPATH directory also holds mod_onpath.
NAME = "shadowed"
