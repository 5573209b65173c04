/* Atende: small progressive enhancements. Every page works without this file.
   Loaded with `defer` from base.html; the CSP allows no inline scripts or handlers. */
(function () {
  "use strict";

  function openMenus() {
    return Array.prototype.slice.call(document.querySelectorAll("details.menu[open]"));
  }

  // Only one top-bar menu open at a time.
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.matches || !menu.matches("details.menu") || !menu.open) return;
    openMenus().forEach(function (other) {
      if (other !== menu) other.open = false;
    });
  }, true);

  // Escape closes an open menu and gives focus back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var menus = openMenus();
    if (!menus.length) return;
    menus.forEach(function (menu) {
      var hadFocus = menu.contains(document.activeElement);
      menu.open = false;
      if (hadFocus || menus.length === 1) menu.querySelector("summary").focus();
    });
    event.preventDefault();
  });

  // A click outside an open menu closes it.
  document.addEventListener("click", function (event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });

  // data-show-when="name=value": show a block only while the form control `name` has `value`
  // (checkboxes count as "on" when ticked). Without this script everything stays visible.
  function controlValue(form, name) {
    var checked = form.querySelector('[name="' + name + '"]:checked');
    if (checked) return checked.type === "checkbox" ? "on" : checked.value;
    var control = form.querySelector('[name="' + name + '"]');
    return control && control.type !== "checkbox" && control.type !== "radio" ? control.value : "";
  }
  function applyConditions(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-show-when]"), function (block) {
      var rule = block.getAttribute("data-show-when").split("=");
      var form = block.closest("form");
      if (form) block.hidden = controlValue(form, rule[0]) !== rule[1];
    });
    // select[data-filter-by="field"]: only the options whose data-filter-value matches it.
    Array.prototype.forEach.call(root.querySelectorAll("select[data-filter-by]"), function (select) {
      var form = select.closest("form");
      var wanted = form ? controlValue(form, select.getAttribute("data-filter-by")) : "";
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value) option.hidden = Boolean(wanted) && option.getAttribute("data-filter-value") !== wanted;
      });
      if (select.selectedOptions.length && select.selectedOptions[0].hidden) select.value = "";
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.form) applyConditions(event.target.form);
  });
  document.addEventListener("DOMContentLoaded", function () { applyConditions(document); });

  // An htmx action the server refused (no permission, gone, broken) says so instead of
  // leaving the button silently unchanged.
  document.addEventListener("htmx:responseError", function (event) {
    var region = document.getElementById("avisos");
    if (!region) return;
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var item = document.createElement("p");
    item.className = "flash-item flash-error";
    item.textContent = region.getAttribute(status === 403 ? "data-forbidden" : "data-failed");
    region.replaceChildren(item);
  });

  // Buttons with data-confirm ask before submitting (e.g. deleting a sector).
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
