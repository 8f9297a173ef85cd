# An exception raised inside an except block: last line is the new exception.
def risky():
    try:
        return [1, 2][5]
    except IndexError:
        print("handling IndexError")
        return {}["fallback"]
risky()
