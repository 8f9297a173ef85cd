# pathlib (file system access) is outside the subset.
from pathlib import Path
print(Path(".").exists())
