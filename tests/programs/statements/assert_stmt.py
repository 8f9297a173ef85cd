# assert with and without message, caught as AssertionError.
assert True
assert 1 == 1, "never"
def check(v):
    try:
        assert v > 0, "value must be positive, got %d" % v
        return "ok"
    except AssertionError as e:
        return "failed: " + str(e)
for v in [3, -1, 0]:
    print(check(v))
try:
    assert [] 
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
try:
    assert 2 + 2 == 5, ("tuple", 1)
except AssertionError as e:
    print(e.args, str(e))
count = 0
for i in range(100):
    assert i >= 0
    count += 1
print(count)
