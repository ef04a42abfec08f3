/* File inputs that speak the page's language (progressive enhancement).

   A native <input type=file> names its button and status ("Choose File",
   "No file chosen") in the browser's language, not the page's. Here the real
   input stays the control: it keeps its id (the error summary's links land on
   it), its label, hints and errors, and it is what the form sends. It is laid
   transparent over a button and a status in the page's language, so a click
   or a key press on it opens the browser's own file dialog, and its own
   outline is the focus ring. The status joins the input's name, after its
   label (as GOV.UK Frontend's file upload does), and is a polite live region,
   so a screen reader hears the chosen file or that none is chosen.
   The strings come from data-* attributes the template translates. */
(function () {
  "use strict";

  function enhance(input, strings) {
    var label = input.labels && input.labels[0];
    if (!input.id || !label) {
      return;
    }
    if (!label.id) {
      label.id = input.id + "_label";
    }

    var wrapper = document.createElement("div");
    wrapper.className = "file-input";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    // The button's text repeats what the input's role says: heard once.
    var button = document.createElement("span");
    button.className = "file-input__button";
    button.setAttribute("aria-hidden", "true");
    button.textContent = strings.choose;
    wrapper.appendChild(button);

    // A pause between the label and the status in the name read out.
    var comma = document.createElement("span");
    comma.id = input.id + "_comma";
    comma.hidden = true;
    comma.textContent = ", ";
    wrapper.appendChild(comma);

    var status = document.createElement("span");
    status.className = "file-input__status";
    status.id = input.id + "_status";
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    function show() {
      var file = input.files && input.files[0];
      status.textContent = file ? file.name : strings.none;
      wrapper.classList.toggle("file-input--chosen", !!file);
    }

    input.setAttribute("aria-labelledby", [label.id, comma.id, status.id].join(" "));
    input.classList.add("file-input__control");
    input.addEventListener("change", show);
    // A page restored from the back-forward cache may come back with a file.
    window.addEventListener("pageshow", show);
    show();
  }

  document.querySelectorAll("form[data-file-choose][data-file-none]").forEach(function (form) {
    var strings = { choose: form.dataset.fileChoose, none: form.dataset.fileNone };
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      enhance(input, strings);
    });
  });
})();
