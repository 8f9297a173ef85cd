# UnboundLocalError: assignment later in the function makes the name local.
x = 10
def reads_then_assigns():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x
print(reads_then_assigns())
def conditional(flag):
    if flag:
        y = "set"
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(conditional(True), "|", conditional(False))
def augmented():
    try:
        x += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
augmented()
print(issubclass(UnboundLocalError, NameError))
def caught_as_nameerror():
    try:
        z = z + 1
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(caught_as_nameerror())
def loop_var():
    for i in range(0):
        pass
    try:
        return i
    except UnboundLocalError as e:
        return str(e)
print(loop_var())
def closure_case():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    w = 1
    return inner()
print(closure_case())
