# A builtin-type method CPython has and Strata lacks (bytes are outside the subset): refused, never AttributeError.
text = "h\u00e9llo"
print(len(text))
data = text.encode("utf-8")
print(data)
