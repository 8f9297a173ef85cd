# User exception hierarchies: custom __init__, extra attributes, __str__, catch ordering.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem
    def __str__(self):
        return "config %r: %s" % (self.key, self.problem)
class NetworkError(AppError):
    def __init__(self, code):
        super().__init__("network failure %d" % code)
        self.code = code
class RetryableError(NetworkError):
    pass
def fail(kind):
    if kind == 0:
        raise ConfigError("port", "not a number")
    if kind == 1:
        raise NetworkError(503)
    if kind == 2:
        raise RetryableError(429)
    if kind == 3:
        raise AppError("generic", 3)
    raise ValueError("not an app error")
for k in range(5):
    try:
        fail(k)
    except RetryableError as e:
        print("retryable", e.code, e, e.args)
    except NetworkError as e:
        print("network", e.code, str(e))
    except ConfigError as e:
        print("config", e.key, e.problem, "|", e, "|", e.args)
    except AppError as e:
        print("app", e, e.args, repr(e))
    except Exception as e:
        print("other", type(e).__name__, e)
print(issubclass(RetryableError, AppError), isinstance(RetryableError(1), Exception))
print(RetryableError.__name__, type(NetworkError(1)).__name__)
class Empty(Exception):
    pass
e = Empty()
print(repr(e), str(e) == "", e.args)
class WithDefault(ValueError):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except ValueError as e:
    print(type(e).__name__, e)
try:
    raise WithDefault("custom")
except WithDefault as e:
    print(e)
errors = []
for i in range(4):
    try:
        if i % 2:
            raise NetworkError(i)
        raise ConfigError("k%d" % i, "bad")
    except AppError as e:
        errors.append(e)
print([str(e) for e in errors])
