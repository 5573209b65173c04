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

  // data-mask="cpf-cnpj|cep|phone|date": punctuation added while typing. The server accepts
  // the value with or without it, so a phone without this script types the same numbers.
  function onlyDigits(text) { return text.replace(/\D/g, ""); }
  function group(chars, sizes, marks) {
    var out = "", at = 0;
    for (var i = 0; i < sizes.length && at < chars.length; i++) {
      if (i > 0) out += marks[i - 1];
      out += chars.slice(at, at + sizes[i]);
      at += sizes[i];
    }
    return out;
  }
  var MASKS = {
    cep: function (value) { return group(onlyDigits(value).slice(0, 8), [5, 3], ["-"]); },
    date: function (value) { return group(onlyDigits(value).slice(0, 8), [2, 2, 4], ["/", "/"]); },
    phone: function (value) {
      if (/^\s*\+/.test(value) && !/^\s*\+\s*55/.test(value)) return value; // abroad: as typed
      var d = onlyDigits(value).replace(/^55(?=\d{10,11}$)/, "");
      if (/^0[3589]00/.test(d)) return group(d.slice(0, 11), [4, 3, 4], [" ", " "]);
      d = d.slice(0, 11);
      if (d.length <= 2) return d;
      var local = d.slice(2), head = local.length > 8 ? 5 : 4;
      return "(" + d.slice(0, 2) + ") " + group(local, [head, 4], ["-"]);
    },
    document: function (value) {
      var chars = value.toUpperCase().replace(/[^0-9A-Z]/g, "").slice(0, 14);
      if (chars.length <= 11 && /^\d*$/.test(chars)) return group(chars, [3, 3, 3, 2], [".", ".", "-"]);
      return group(chars, [2, 3, 3, 4, 2], [".", ".", "/", "-"]);
    }
  };
  document.addEventListener("input", function (event) {
    var field = event.target, mask = field.getAttribute && MASKS[field.getAttribute("data-mask")];
    if (!mask || event.inputType === "deleteContentBackward") return;
    var masked = mask(field.value);
    if (masked !== field.value) field.value = masked;
  });
  // input[data-fill]: a click on the empty field fills in the value the system suggests
  // (the direct debit's identifier code). Without this script the server fills it in.
  document.addEventListener("focusin", function (event) {
    var field = event.target;
    if (field.getAttribute && field.getAttribute("data-fill") && !field.value) field.value = field.getAttribute("data-fill");
  });
  // A person's CPF is digits only (numeric keyboard); a company's CNPJ may have letters (2026).
  function documentKeyboard(form) {
    var kind = form.querySelector('[name="kind"]:checked');
    var documentField = form.querySelector('[data-mask="document"]');
    if (kind && documentField) documentField.inputMode = kind.value === "company" ? "text" : "numeric";
  }
  document.addEventListener("change", function (event) {
    if (event.target.name === "kind" && event.target.form) documentKeyboard(event.target.form);
  });

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

  // Forms or buttons with data-confirm="question" ask in the page's <dialog> before sending
  // (data-confirm-button names the action); confirming adds confirmed=1, which the server
  // needs for destructive actions. Without this script the server asks on a page instead.
  var pendingSubmit = null;
  document.addEventListener("submit", function (event) {
    var form = event.target, button = event.submitter;
    var question = (button && button.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    var dialog = document.getElementById("confirmar");
    if (!question || form.querySelector('input[name="confirmed"][value="1"]')) return;
    event.preventDefault();
    if (!dialog || !dialog.showModal) {
      if (window.confirm(question)) confirmAndSend(form, button);
      return;
    }
    pendingSubmit = { form: form, button: button };
    document.getElementById("confirmar-texto").textContent = question;
    var label = (button && button.getAttribute("data-confirm-button")) || form.getAttribute("data-confirm-button");
    var accept = dialog.querySelector("[data-confirm-accept]");
    if (!accept.getAttribute("data-default")) accept.setAttribute("data-default", accept.textContent);
    accept.textContent = label || accept.getAttribute("data-default");
    dialog.showModal();
    dialog.querySelector("[data-confirm-cancel]").focus();
  });
  function confirmAndSend(form, button) {
    var flag = document.createElement("input");
    flag.type = "hidden"; flag.name = "confirmed"; flag.value = "1";
    form.appendChild(flag);
    if (form.requestSubmit) form.requestSubmit(button || undefined); else form.submit();
  }
  document.addEventListener("click", function (event) {
    var dialog = document.getElementById("confirmar");
    if (!dialog || !dialog.open || !event.target.closest) return;
    var accepted = event.target.closest("[data-confirm-accept]");
    if (!accepted && !event.target.closest("[data-confirm-cancel]")) return;
    var pending = pendingSubmit;
    pendingSubmit = null;
    dialog.close();
    if (accepted && pending) confirmAndSend(pending.form, pending.button);
    else if (pending && pending.button) pending.button.focus();
  });
  document.addEventListener("close", function (event) {
    // Escape closes the dialog: nothing is sent and focus goes back to the button.
    if (event.target.id !== "confirmar" || !pendingSubmit) return;
    if (pendingSubmit.button) pendingSubmit.button.focus();
    pendingSubmit = null;
  }, true);
})();
