"""Settings: circles and cadences, daily budget, signature and tone, SMTP, export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from amity.errors import AmityError
from amity.model import Circle
from amity.model.limits import TONES
from amity.service import backup
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StateDep, StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.forms import form_of
from amity.web.pages import render
from amity.web.settings_form import SettingsForm, save

router = APIRouter(dependencies=[Depends(csrf_protect)])
EXPORTS = {
    "json": ("application/json", "json"),
    "vcard": ("text/vcard", "vcf"),
    "csv": ("text/csv", "csv"),
}


@dataclass(slots=True)
class SettingsPage:
    form: SettingsForm
    message: str = ""
    error: str = ""
    circles: tuple[str, ...] = tuple(c.value for c in Circle)
    tones: tuple[str, ...] = TONES


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, store: StoreDep, state: StateDep) -> Response:
    form = SettingsForm.load(store, state.settings.home)
    return render(request, "settings.html", SettingsPage(form))


@router.post("/settings", response_class=HTMLResponse)
def settings_save(
    request: Request,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    form: Annotated[SettingsForm, Depends(form_of(SettingsForm))],
) -> Response:
    try:
        save(store, state.settings.home, form, today)
    except AmityError as exc:
        status, error = form_error(request, exc)
        if form.smtp_password:  # never written into a page
            form.smtp_password = ""
            error += " (Type the SMTP password again: it is never shown.)"
        return render(request, "settings.html", SettingsPage(form, error=error), status)
    saved = SettingsForm.load(store, state.settings.home)
    return render(request, "settings.html", SettingsPage(saved, "Saved."))


@router.get("/settings/export/{kind}")
def export(kind: Literal["json", "vcard", "csv"], store: StoreDep, today: TodayDep) -> Response:
    media, ext = EXPORTS[kind]
    headers = {
        "Content-Disposition": f'attachment; filename="amity-{today.isoformat()}.{ext}"',
        "Cache-Control": "no-store",  # a backup is the whole network: no cache keeps a copy
    }
    return Response(_export(store, kind), media_type=media, headers=headers)


def _export(store: Store, kind: str) -> str:
    if kind == "json":
        return backup.export_json_text(store)  # the same file as `amity export json`
    if kind == "vcard":
        return backup.export_vcard(store)
    return backup.export_csv(store)
