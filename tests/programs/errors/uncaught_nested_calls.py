# An exception raised three calls deep and never caught.
def parse_record(line):
    fields = line.split(",")
    return int(fields[1])
def load(lines):
    total = 0
    for ln in lines:
        total += parse_record(ln)
        print("running total", total)
    return total
def main():
    data = ["a,1", "b,22", "c,333", "d,oops", "e,5"]
    print("loaded", load(data))
main()
print("never reached")
