# An out-of-subset import inside a function body that is called.
def run():
    import subprocess
    return subprocess.run(["true"])
print("calling")
run()
