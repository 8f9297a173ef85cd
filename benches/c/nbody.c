/* The nbody benchmark of benches/programs/nbody.py written in C, operation
 * for operation (same order of floating-point operations, `pow(d2, 0.5)` as
 * Python's `d2 ** 0.5`), so it prints the same output: the reference for
 * "within 3x of C -O2" (issue 4). Build: gcc -O2 -o nbody nbody.c -lm */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.14159265358979323
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

typedef struct {
    const char *name;
    double x, y, z, vx, vy, vz, mass;
} Body;

static Body bodies[5];

static void body(Body *b, const char *name, double x, double y, double z, double vx, double vy,
                 double vz, double mass) {
    b->name = name;
    b->x = x;
    b->y = y;
    b->z = z;
    b->vx = vx * DAYS_PER_YEAR;
    b->vy = vy * DAYS_PER_YEAR;
    b->vz = vz * DAYS_PER_YEAR;
    b->mass = mass * SOLAR_MASS;
}

static void solar_system(void) {
    body(&bodies[0], "sun", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
    body(&bodies[1], "jupiter", 4.84143144246472090e+00, -1.16032004402742839e+00,
         -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03,
         -6.90460016972063023e-05, 9.54791938424326609e-04);
    body(&bodies[2], "saturn", 8.34336671824457987e+00, 4.12479856412430479e+00,
         -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03,
         2.30417297573763929e-05, 2.85885980666130812e-04);
    body(&bodies[3], "uranus", 1.28943695621391310e+01, -1.51111514016986312e+01,
         -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03,
         -2.96589568540237556e-05, 4.36624404335156298e-05);
    body(&bodies[4], "neptune", 1.53796971148509165e+01, -2.59193146099879641e+01,
         1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03,
         -9.51592254519715870e-05, 5.15138902046611451e-05);
}

/* The pairs in Python's order: (i, j) for i < j. */
static int pa[10], pb[10];

static void pairs_of(void) {
    int k = 0;
    for (int i = 0; i < 5; i++)
        for (int j = i + 1; j < 5; j++) {
            pa[k] = i;
            pb[k] = j;
            k++;
        }
}

static void zero_momentum(void) {
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < 5; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
}

static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < 5; i++) {
        Body *b = &bodies[i];
        e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
    }
    for (int k = 0; k < 10; k++) {
        Body *a = &bodies[pa[k]], *b = &bodies[pb[k]];
        double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
        e -= a->mass * b->mass / pow(dx * dx + dy * dy + dz * dz, 0.5);
    }
    return e;
}

static void advance(double dt, long steps) {
    for (long s = 0; s < steps; s++) {
        for (int k = 0; k < 10; k++) {
            Body *a = &bodies[pa[k]], *b = &bodies[pb[k]];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * pow(d2, 0.5));
            double bm = b->mass * mag, am = a->mass * mag;
            a->vx -= dx * bm;
            a->vy -= dy * bm;
            a->vz -= dz * bm;
            b->vx += dx * am;
            b->vy += dy * am;
            b->vz += dz * am;
        }
        for (int i = 0; i < 5; i++) {
            Body *b = &bodies[i];
            b->x += dt * b->vx;
            b->y += dt * b->vy;
            b->z += dt * b->vz;
        }
    }
}

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 250000;
    solar_system();
    pairs_of();
    zero_momentum();
    printf("%.9f\n", energy());
    long done = 0;
    for (int k = 0; k < 4; k++) {
        long chunk = k < 3 ? steps / 4 : steps - done;
        advance(0.01, chunk);
        done += chunk;
        printf("%ld %.9f\n", done, energy());
    }
    for (int i = 0; i < 5; i++)
        printf("%-8s %.6f %.6f %.6f\n", bodies[i].name, bodies[i].x, bodies[i].y, bodies[i].z);
    return 0;
}
