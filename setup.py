"""Packaging for `pip install .`; everything else about the project is in pyproject.toml.

resources/ (icons, fonts, translations) stays at the top of the project, where the installer
scripts and the README expect it; a wheel carries it inside the package as ecdesk.resources,
where config.resource_path looks first. pyproject.toml's package finder cannot map a folder
from outside the package, hence this file.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["ecdesk*"]), "ecdesk.resources"],
    package_dir={"ecdesk.resources": "resources"},
)
