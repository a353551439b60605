// The newsroom desk's progressive enhancement. Every page works without it; this only
// says "working" while an article is being read, and links the who-said-what table to
// the quotes in the text. (A file of its own: the pages' CSP allows no inline script.)
(function () {
  "use strict";

  // A form marked data-busy says it is working once sent (an extraction takes a moment).
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      form.setAttribute("aria-busy", "true");
      if (button) {
        button.dataset.label = button.textContent;
        button.textContent = "Working…";
        button.disabled = true;
      }
    });
  });
  // Back to a page from the browser's cache: its buttons work again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[aria-busy] button[type=submit]").forEach(function (b) {
      b.disabled = false;
      if (b.dataset.label) b.textContent = b.dataset.label;
    });
  });

  // Ctrl+Enter (or Cmd+Enter) in the article box sends the form.
  var text = document.getElementById("text");
  if (text && text.form) {
    text.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        text.form.requestSubmit();
      }
    });
  }

  // Pointing at (or focusing) a table row lights its quote up in the text, and a quote
  // its row.
  function light(id, on) {
    document.querySelectorAll("[data-quote]").forEach(function (el) {
      if (el.getAttribute("data-quote").split(" ").indexOf(id) >= 0) {
        el.classList.toggle("lit", on);
      }
    });
  }
  function link(el, id) {
    ["mouseenter", "focusin"].forEach(function (type) {
      el.addEventListener(type, function () { light(id, true); });
    });
    ["mouseleave", "focusout"].forEach(function (type) {
      el.addEventListener(type, function () { light(id, false); });
    });
  }
  document.querySelectorAll("tr[data-quote]").forEach(function (row) {
    link(row, row.getAttribute("data-quote"));
  });
  document.querySelectorAll(".hl-quote[data-quote]").forEach(function (quote) {
    link(quote, quote.getAttribute("data-quote"));
  });

  // A table row's quote link moves the focus to the quote in the text.
  document.querySelectorAll("tr[data-quote] a[href^='#quote-']").forEach(function (a) {
    a.addEventListener("click", function (event) {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "center", behavior: "smooth" });
        history.replaceState(null, "", a.getAttribute("href"));
      }
    });
  });
})();
