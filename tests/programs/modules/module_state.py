# Module state is shared: all importers see the same module object.
import mod_counter
import mod_uses_counter
from mod_counter import bump
print(bump("main"), mod_counter.count)
print(mod_uses_counter.bump_twice("helper"), mod_counter.count)
print(mod_counter.history)
print(mod_uses_counter.mod_counter is mod_counter)
mod_counter.count = 100
print(bump("after reset"), mod_counter.count)
