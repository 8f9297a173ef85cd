# The second PYTHONPATH directory; mod_onpath also exists in the first and wins.
import mod_onpath
SHADOWED = mod_onpath.NAME
