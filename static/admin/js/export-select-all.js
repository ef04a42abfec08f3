// The export page's "Select all" box (templates/admin/import_export/export.html):
// django-import-export wires it with an inline handler, which the CSP refuses.
// onSelectToggleChange is django-import-export's (export_selectable_fields.js).
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.getElementById("select-all-toggle");
  if (!toggle) {
    return;
  }
  toggle.addEventListener("change", onSelectToggleChange);
  toggle.closest(".select-all").hidden = false;
});
