// R-UX-3: the transfer pickers search as you type over /transfers/single/users (the same query as the
// plain form, within the administrator's view). Without this script the form's Search button does the same.
(function () {
    "use strict";
    const form = document.getElementById("pick-form");
    if (!form || !window.fetch) { return; }
    const url = form.dataset.searchUrl;
    const inactive = document.getElementById("show-inactive");
    form.classList.add("applies-on-change");

    form.querySelectorAll("input[data-picker]").forEach(function (input) {
        const select = document.getElementById(input.dataset.picker);
        const status = document.getElementById(input.dataset.picker + "-status");
        let timer = 0;
        let latest = 0;

        async function refresh() {
            const request = ++latest;
            const query = new URLSearchParams({ search: input.value.trim(), showInactive: inactive.checked ? "true" : "false" });
            try {
                const response = await fetch(url + "?" + query, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
                if (!response.ok) { throw new Error(String(response.status)); }
                const found = await response.json();
                if (request !== latest) { return; } // an answer to an older keystroke
                const chosen = select.value;
                select.replaceChildren.apply(select, found.users.map(function (user) {
                    const option = new Option(user.label, String(user.id));
                    option.disabled = user.reason !== null;
                    option.selected = !option.disabled && option.value === chosen;
                    return option;
                }));
                status.textContent = found.message;
            } catch (e) {
                status.textContent = "The search did not answer; press Enter to try again.";
            }
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, 250);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "Enter") {
                event.preventDefault();
                window.clearTimeout(timer);
                refresh();
            } else if (event.key === "ArrowDown" && select.options.length > 0) {
                event.preventDefault();
                select.focus();
            }
        });
        inactive.addEventListener("change", refresh);
    });
})();
