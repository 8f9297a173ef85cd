# Ray tracer: spheres and a checkered plane lit by two point lights, with
# shadows and mirror reflections, rendered to a small grey-scale canvas;
# prints a checksum and a coarse ASCII thumbnail.
# test-size: 16
import sys
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        return self * (1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, centre, radius, shade, mirror):
        self.centre = centre
        self.radius = radius
        self.shade = shade
        self.mirror = mirror

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.centre).unit()

    def colour(self, p):
        return self.shade


class Plane:
    def __init__(self, point, normal_, mirror):
        self.point = point
        self.n = normal_.unit()
        self.mirror = mirror

    def hit(self, ray):
        denom = ray.direction.dot(self.n)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n

    def colour(self, p):
        return 0.9 if (math.floor(p.x) + math.floor(p.z)) % 2 == 0 else 0.2


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, 0.8, 0.3),
            Sphere(Vec(-2.2, 0.6, 6.5), 0.6, 0.5, 0.6),
            Sphere(Vec(1.8, 0.5, 4.0), 0.5, 0.95, 0.0),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), 0.2),
        ]
        self.lights = [(Vec(-5.0, 8.0, -2.0), 0.7), (Vec(6.0, 4.0, 1.0), 0.4)]
        self.eye = Vec(0.0, 1.5, -1.0)

    def nearest(self, ray):
        best = None
        best_t = math.inf
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < best_t:
                best, best_t = obj, t
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return 0.1 + 0.2 * max(0.0, ray.direction.y)
        p = ray.at(t)
        n = obj.normal(p)
        if n.dot(ray.direction) > 0:
            n = -n
        light = 0.08
        for pos, power in self.lights:
            to_light = pos - p
            dist = to_light.length()
            shadow_ray = Ray(p, to_light)
            blocker, bt = self.nearest(shadow_ray)
            if blocker is not None and bt < dist:
                continue
            lambert = n.dot(shadow_ray.direction)
            if lambert > 0:
                light += power * lambert
        result = obj.colour(p) * light
        if obj.mirror > 0 and depth < 3:
            d = ray.direction
            reflected = d - n * (2 * d.dot(n))
            result = result * (1 - obj.mirror) + obj.mirror * self.trace(Ray(p, reflected), depth + 1)
        return result


def render(scene, width, height):
    rows = []
    aspect = width / height
    for j in range(height):
        row = []
        y = 1.0 - 2.0 * (j + 0.5) / height
        for i in range(width):
            x = (2.0 * (i + 0.5) / width - 1.0) * aspect
            ray = Ray(scene.eye, Vec(x, y, 1.6))
            row.append(min(1.0, scene.trace(ray, 0)))
        rows.append(row)
    return rows


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    height = width * 3 // 4
    image = render(Scene(), width, height)
    checksum = 0
    total = 0.0
    for row in image:
        for v in row:
            level = int(v * 255)
            checksum = (checksum * 131 + level) % 2147483647
            total += v
    print("checksum", checksum)
    print("mean %.6f" % (total / (width * height)))
    ramp = " .:-=+*#%@"
    step_y = max(1, height // 12)
    step_x = max(1, width // 32)
    for j in range(0, height, step_y):
        print("".join(ramp[min(9, int(image[j][i] * 10))] for i in range(0, width, step_x)))


main()
