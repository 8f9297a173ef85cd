# Uncaught user-defined exception with a custom __str__.
class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(field, value)
        self.field = field
        self.value = value
    def __str__(self):
        return "invalid %s: %r" % (self.field, self.value)
def validate(rec):
    for k, v in rec.items():
        if isinstance(v, int) and v < 0:
            raise ValidationError(k, v)
    print("valid", rec)
validate({"a": 1, "b": 2})
validate({"age": -4, "name": "x"})
