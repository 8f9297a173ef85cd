# from m import names, aliases, and functions keeping their module globals.
from mod_geometry import area_rect, Point, call_count
from mod_geometry import area_circle as circle, PI_ISH
print(area_rect(2, 5), circle(1), PI_ISH)
print(call_count())
pts = [Point(i, i * i) for i in range(4)]
print(pts)
print(sorted(p.dist2(Point(0, 0)) for p in pts))
from mod_errors import ModError, check
try:
    print(check(5))
    print(check(-2))
except ModError as e:
    print("ModError:", e, isinstance(e, Exception))
