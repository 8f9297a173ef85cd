# Module-level __getattr__ (PEP 562): refused.
def __getattr__(name):
    return "lazy " + name
