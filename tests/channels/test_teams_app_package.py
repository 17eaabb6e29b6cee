"""Tests of the Teams app package build (``teams/build_app.py``); skipped if ``teams/`` is absent."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

TEAMS_DIR = Path(__file__).resolve().parents[2] / "teams"
APP_ID = "0A1B2C3D-4E5F-4a6b-8c7d-9e0f1a2b3c4d"
ENV = {"TEAMS_APP_ID": APP_ID, "TEAMS_BOT_HOST": "planassistent.example.dk"}

pytestmark = pytest.mark.skipif(not (TEAMS_DIR / "build_app.py").exists(), reason="teams/ not present")


@pytest.fixture(scope="module")
def build_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("teams_build_app", TEAMS_DIR / "build_app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_package_contents(build_app: ModuleType, tmp_path: Path) -> None:
    output = build_app.build(tmp_path / "app.zip", env=ENV)

    with zipfile.ZipFile(output) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json").decode("utf-8"))
        color = archive.read("color.png")
        outline = archive.read("outline.png")

    assert manifest["manifestVersion"] == "1.16"
    assert manifest["id"] == APP_ID.lower()
    assert manifest["name"]["short"] == "Planassistenten"
    bot = manifest["bots"][0]
    assert bot["botId"] == APP_ID.lower()
    assert sorted(bot["scopes"]) == ["groupChat", "personal", "team"]
    assert manifest["validDomains"] == ["planassistent.example.dk"]
    assert manifest["developer"]["websiteUrl"] == "https://planassistent.example.dk/"
    assert manifest["icons"] == {"outline": "outline.png", "color": "color.png"}
    assert "{{" not in json.dumps(manifest)
    assert build_app.png_size(color) == (192, 192)
    assert build_app.png_size(outline) == (32, 32)


def test_build_is_reproducible(build_app: ModuleType, tmp_path: Path) -> None:
    first = build_app.build(tmp_path / "a.zip", env=ENV).read_bytes()
    second = build_app.build(tmp_path / "b.zip", env=ENV).read_bytes()
    assert first == second


@pytest.mark.parametrize(
    "env",
    [
        {"TEAMS_BOT_HOST": "planassistent.example.dk"},
        {"TEAMS_APP_ID": "", "TEAMS_BOT_HOST": "planassistent.example.dk"},
        {"TEAMS_APP_ID": "not-a-guid", "TEAMS_BOT_HOST": "planassistent.example.dk"},
        {"TEAMS_APP_ID": APP_ID + "0", "TEAMS_BOT_HOST": "planassistent.example.dk"},
        {"TEAMS_APP_ID": APP_ID},
        {"TEAMS_APP_ID": APP_ID, "TEAMS_WEBSITE_URL": "http://insecure.example.dk/"},
        {"TEAMS_APP_ID": APP_ID, "TEAMS_BOT_HOST": "x", "TEAMS_APP_VERSION": "1.0"},
    ],
    ids=["no-app-id", "empty-app-id", "not-guid", "guid-too-long", "no-host", "http-url", "bad-version"],
)
def test_invalid_configuration_is_rejected(
    build_app: ModuleType, tmp_path: Path, env: dict[str, str]
) -> None:
    with pytest.raises(build_app.BuildError):
        build_app.build(tmp_path / "app.zip", env=env)
    assert not (tmp_path / "app.zip").exists()


def test_cli_exit_status(build_app: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEAMS_APP_ID", "nope")
    assert build_app.main(["--output", str(tmp_path / "x.zip")]) == 2
    monkeypatch.setenv("TEAMS_APP_ID", APP_ID)
    monkeypatch.setenv("TEAMS_BOT_HOST", "planassistent.example.dk")
    assert build_app.main(["--output", str(tmp_path / "x.zip")]) == 0
    assert (tmp_path / "x.zip").exists()


def test_icons_follow_teams_rules() -> None:
    image_module = pytest.importorskip("PIL.Image")
    color = image_module.open(TEAMS_DIR / "color.png")
    assert color.size == (192, 192)
    outline = image_module.open(TEAMS_DIR / "outline.png").convert("RGBA")
    assert outline.size == (32, 32)
    access = outline.load()
    pixels = [access[x, y] for y in range(32) for x in range(32)]
    # Outline icon: white on transparent, nothing else.
    assert all(alpha == 0 or (r, g, b) == (255, 255, 255) for r, g, b, alpha in pixels)
    assert any(alpha == 0 for *_, alpha in pixels)
    assert any(alpha == 255 for *_, alpha in pixels)
