# __getattr__ on a module is never supported (the refusal points into the module).
import mod_lazy
print(mod_lazy.anything)
