# import of a local module: attribute access, module-level code runs once.
import mod_geometry
print("main: __name__ =", __name__)
print(mod_geometry.area_circle(2), mod_geometry.area_rect(3, 4))
print(mod_geometry.PI_ISH, mod_geometry.call_count())
p = mod_geometry.Point(1, 2)
q = mod_geometry.Point(4, 6)
print(p, q, p.dist2(q), type(p).__name__)
import mod_geometry
import mod_geometry as geo
print(geo is mod_geometry, geo.call_count())
mod_geometry.PI_ISH = 3
print(geo.area_circle(1), mod_geometry.call_count())
