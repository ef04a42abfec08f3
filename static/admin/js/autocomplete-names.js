// Select2 names the combobox it draws for an autocomplete field by the chosen
// value alone (aria-labelledby its container, a textbox), so an empty one has
// no name for a screen reader: both are named by the field's <label> too.
// Deferred, this runs after Django's autocomplete.js has defined
// djangoAdminSelect2 and before it draws anything (on DOMContentLoaded, and
// for each new inline row): the comboboxes are named as they are drawn.
"use strict";
{
  const nameComboboxes = (selects) => {
    for (const select of selects) {
      const label = select.id && document.querySelector(`label[for="${select.id}"]`);
      const combobox = select.nextElementSibling?.querySelector('[role="combobox"]');
      const rendered = document.getElementById(`select2-${select.id}-container`);
      if (!label || !combobox || !rendered) {
        continue;
      }
      label.id ||= `${select.id}_label`;
      combobox.setAttribute("aria-labelledby", `${label.id} ${rendered.id}`);
      rendered.setAttribute("aria-labelledby", label.id);
    }
  };
  const $ = window.django?.jQuery;
  const draw = $?.fn.djangoAdminSelect2;
  if (draw) {
    $.fn.djangoAdminSelect2 = function () {
      const drawn = draw.call(this);
      nameComboboxes(this.toArray());
      return drawn;
    };
  }
}
