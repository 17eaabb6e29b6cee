"""Builds the Microsoft Teams app package ``teams/build/planassistent-teams.zip``.

The package holds ``manifest.json`` (from the template ``teams/manifest.json`` with its
``{{PLACEHOLDERS}}`` filled in), ``color.png`` and ``outline.png``. Upload it in Teams (Apps →
Manage your apps → Upload an app) or in the Teams admin center. See ``docs/teams.md``.

Environment variables:

* ``TEAMS_APP_ID`` (required): the bot's Microsoft App ID, a GUID. Used as the Teams app id and as
  the bot id.
* ``TEAMS_BOT_HOST``: public host name of the assistant (the messaging endpoint is
  ``https://<host>/webhooks/teams/webhook``); becomes ``validDomains`` and the default website.
* ``TEAMS_WEBSITE_URL``, ``TEAMS_PRIVACY_URL``, ``TEAMS_TERMS_URL``: https URLs shown in the app
  details (default: ``https://<TEAMS_BOT_HOST>/``). One of ``TEAMS_BOT_HOST``/``TEAMS_WEBSITE_URL``
  is required.
* ``TEAMS_DEVELOPER_NAME`` (default ``Planassistenten``) and ``TEAMS_APP_VERSION`` (default
  ``1.0.0``; raise it for every new upload of a changed package).

Usage: ``TEAMS_APP_ID=… TEAMS_BOT_HOST=… python teams/build_app.py [--output PATH]``.
Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import struct
import sys
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "build" / "planassistent-teams.zip"
ICONS = {"color.png": (192, 192), "outline.png": (32, 32)}

GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
VERSION_RE = re.compile(r"^\d{1,5}\.\d{1,5}\.\d{1,5}$")
HOST_RE = re.compile(r"^(?=.{1,253}$)(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
PLACEHOLDER_RE = re.compile(r"\{\{([A-Z0-9_]+)\}\}")
#: Fixed timestamp for zip members, so identical inputs give an identical package.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class BuildError(Exception):
    """The package cannot be built; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _https_url(name: str, value: str, problems: list[str]) -> None:
    """Appends a problem unless ``value`` is an absolute https URL."""
    parsed = urlparse(value)
    if parsed.scheme != "https" or not parsed.netloc:
        problems.append(f"{name} must be an https URL, got {value!r}")


def manifest_values(env: Mapping[str, str]) -> dict[str, str]:
    """Validates the environment and returns the placeholder values.

    Raises:
        BuildError: listing all problems (e.g. a missing or malformed ``TEAMS_APP_ID``).
    """
    problems: list[str] = []
    app_id = env.get("TEAMS_APP_ID", "").strip()
    if not app_id:
        problems.append("TEAMS_APP_ID is not set (the bot's Microsoft App ID, a GUID)")
    elif not GUID_RE.match(app_id):
        problems.append(
            f"TEAMS_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000, got {app_id!r}"
        )

    host = env.get("TEAMS_BOT_HOST", "").strip()
    if "://" in host:  # accept a URL and keep its host name
        host = urlparse(host).hostname or ""
    if host and not HOST_RE.match(host):
        problems.append(f"TEAMS_BOT_HOST must be a host name like bot.example.dk, got {host!r}")

    website = env.get("TEAMS_WEBSITE_URL", "").strip() or (f"https://{host}/" if host else "")
    if not website:
        problems.append("set TEAMS_BOT_HOST (public host of the assistant) or TEAMS_WEBSITE_URL")
    else:
        _https_url("TEAMS_WEBSITE_URL", website, problems)
    privacy = env.get("TEAMS_PRIVACY_URL", "").strip() or website
    terms = env.get("TEAMS_TERMS_URL", "").strip() or website
    if website:
        _https_url("TEAMS_PRIVACY_URL", privacy, problems)
        _https_url("TEAMS_TERMS_URL", terms, problems)

    version = env.get("TEAMS_APP_VERSION", "").strip() or "1.0.0"
    if not VERSION_RE.match(version):
        problems.append(f"TEAMS_APP_VERSION must look like 1.0.0, got {version!r}")
    developer = env.get("TEAMS_DEVELOPER_NAME", "").strip() or "Planassistenten"
    if len(developer) > 32:
        problems.append("TEAMS_DEVELOPER_NAME must be at most 32 characters")
    if problems:
        raise BuildError(problems)
    return {
        "TEAMS_APP_ID": app_id.lower(),
        "TEAMS_APP_VERSION": version,
        "TEAMS_BOT_HOST": host,
        "TEAMS_DEVELOPER_NAME": developer,
        "TEAMS_WEBSITE_URL": website,
        "TEAMS_PRIVACY_URL": privacy,
        "TEAMS_TERMS_URL": terms,
    }


def render_manifest(template: str, values: Mapping[str, str]) -> dict[str, Any]:
    """Fills ``{{NAME}}`` placeholders (JSON-escaped) and parses the manifest.

    Raises:
        BuildError: if a placeholder has no value.
    """
    missing = sorted(set(PLACEHOLDER_RE.findall(template)) - set(values))
    if missing:
        raise BuildError([f"no value for placeholder {{{{{name}}}}}" for name in missing])
    text = PLACEHOLDER_RE.sub(lambda m: json.dumps(values[m.group(1)])[1:-1], template)
    manifest: dict[str, Any] = json.loads(text)
    manifest["validDomains"] = [domain for domain in manifest.get("validDomains", []) if domain]
    return manifest


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk.

    Raises:
        ValueError: if ``data`` is not a PNG.
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def check_manifest(manifest: Mapping[str, Any]) -> list[str]:
    """Checks the limits of the Teams manifest schema v1.16 that are easy to get wrong."""
    problems = []
    if manifest.get("manifestVersion") != "1.16":
        problems.append("manifestVersion must be 1.16")
    if len(manifest["name"]["short"]) > 30 or len(manifest["name"]["full"]) > 100:
        problems.append("name.short ≤ 30 and name.full ≤ 100 characters")
    if len(manifest["description"]["short"]) > 80 or len(manifest["description"]["full"]) > 4000:
        problems.append("description.short ≤ 80 and description.full ≤ 4000 characters")
    for bot in manifest.get("bots", []):
        if bot.get("botId") != manifest.get("id"):
            problems.append("bots[].botId must equal the app id (TEAMS_APP_ID)")
        for command_list in bot.get("commandLists", []):
            for command in command_list.get("commands", []):
                if len(command["title"]) > 32 or len(command["description"]) > 128:
                    problems.append(f"command {command['title']!r}: title ≤ 32, description ≤ 128 characters")
    if PLACEHOLDER_RE.search(json.dumps(manifest)):
        problems.append("unfilled {{placeholder}} left in the manifest")
    return problems


def load_icons(source_dir: Path) -> dict[str, bytes]:
    """Reads the icons (generating them first if missing) and checks their sizes.

    Raises:
        BuildError: if an icon has the wrong size.
    """
    if not all((source_dir / name).exists() for name in ICONS):
        sys.path.insert(0, str(HERE))
        from make_icons import write_icons

        write_icons(source_dir)
    icons = {name: (source_dir / name).read_bytes() for name in ICONS}
    problems = [
        f"{name} must be {size[0]}x{size[1]} pixels"
        for name, size in ICONS.items()
        if png_size(icons[name]) != size
    ]
    if problems:
        raise BuildError(problems)
    return icons


def build(
    output: Path = DEFAULT_OUTPUT, env: Mapping[str, str] | None = None, source_dir: Path = HERE
) -> Path:
    """Builds the app package and returns its path.

    Raises:
        BuildError: if the configuration, manifest or icons are invalid.
    """
    values = manifest_values(os.environ if env is None else env)
    manifest = render_manifest((source_dir / "manifest.json").read_text(encoding="utf-8"), values)
    problems = check_manifest(manifest)
    if problems:
        raise BuildError(problems)
    icons = load_icons(source_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    members = {"manifest.json": json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"}
    members.update(icons)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return output


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"default: {DEFAULT_OUTPUT}")
    args = parser.parse_args(argv)
    try:
        path = build(args.output)
    except BuildError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
