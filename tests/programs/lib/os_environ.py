# os.environ and os.getenv under the harness's controlled environment
# (PYTHONHASHSEED differs between runs, so only its presence is printed).
import os

env = os.environ
print(env.get('PYTHONIOENCODING'), env['PYTHONDONTWRITEBYTECODE'], 'PYTHONHASHSEED' in env)
print(env.get('STRATA_SURELY_UNSET_VAR'), env.get('STRATA_SURELY_UNSET_VAR', 'default'))
print('STRATA_SURELY_UNSET_VAR' in env, 'STRATA_SURELY_UNSET_VAR' not in env)
try:
    env['STRATA_SURELY_UNSET_VAR']
except KeyError as e:
    print('KeyError', e)
print(os.getenv('PYTHONIOENCODING'), os.getenv('STRATA_SURELY_UNSET_VAR'),
      os.getenv('STRATA_SURELY_UNSET_VAR', 5), os.getenv(key='STRATA_NOPE', default=[]))
print('PYTHONIOENCODING' in env.keys(), [k for k, v in env.items() if k == 'PYTHONIOENCODING'],
      [v for k, v in env.items() if k == 'PYTHONDONTWRITEBYTECODE'])
print(sorted(k for k in env if k.startswith('PYTHON')))
print(len(env) == len(list(env.keys())), len(env) > 0)
print(int(env.get('STRATA_SURELY_UNSET_VAR', '42')) + 1)
print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, repr(os.linesep), os.devnull, os.altsep)
for f in [lambda: os.getenv(1), lambda: os.getenv(), lambda: os.getenv('a', 1, 2)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
