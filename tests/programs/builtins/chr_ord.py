# chr and ord, including non-ASCII code points.
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("\u00e9"), ord("\u20ac"), ord("\U0001F600"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(233), chr(8364), chr(0x1F600) == "\U0001F600")
print("".join(chr(ord("a") + i) for i in range(26)))
def caesar(text, k):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! Strata VM."
enc = caesar(msg, 3)
print(enc, caesar(enc, -3))
print([ord(c) for c in "Strata"], sum(ord(c) for c in msg))
print(sorted("Zebra apple Mango", key=ord), sorted("zebra"))
print(max("hello", key=ord), [chr(c) for c in range(0x3b1, 0x3b6)])
