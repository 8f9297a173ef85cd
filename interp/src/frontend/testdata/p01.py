def f(x):
    try:
        if x == 0:
            return "zero"
        if x == 1:
            raise ValueError("one")
        r = 10 // (x - 2)
    except ValueError as e:
        print("VE", e)
        return "ve"
    except ZeroDivisionError:
        print("ZDE")
        return "zde"
    else:
        print("else", r)
    finally:
        print("finally", x)
    return "end"
for i in range(4):
    print(f(i))
