// Progressive enhancements shared by every page (R-UX-2, R-UX-4). Each page works without them.
(function () {
    "use strict";

    // The folded menu of narrow screens.
    const toggle = document.querySelector(".menu-toggle");
    const menu = document.getElementById("topbar-menu");
    if (toggle && menu) {
        toggle.addEventListener("click", function () {
            const open = toggle.getAttribute("aria-expanded") !== "true";
            toggle.setAttribute("aria-expanded", String(open));
            menu.classList.toggle("open", open);
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && menu.classList.contains("open")) {
                toggle.setAttribute("aria-expanded", "false");
                menu.classList.remove("open");
                toggle.focus();
            }
        });
    }

    // Filters apply as soon as a choice changes; a search box applies on Enter or when it loses focus.
    document.querySelectorAll("form[data-apply-on-change]").forEach(function (form) {
        form.classList.add("applies-on-change");
        form.addEventListener("change", function (event) {
            if (event.target.matches("select, input[type=checkbox], input[type=search]")) {
                form.requestSubmit();
            }
        });
    });

    // A table wider than the screen scrolls inside itself; keyboard users reach it with Tab and scroll with the arrows.
    function markScrollableTables() {
        document.querySelectorAll("table.grid").forEach(function (table) {
            if (table.scrollWidth > table.clientWidth + 1) {
                table.setAttribute("tabindex", "0");
            } else {
                table.removeAttribute("tabindex");
            }
        });
    }
    markScrollableTables();
    window.addEventListener("resize", markScrollableTables);
})();
