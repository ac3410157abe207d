// Polls a running import's JSON status (R-IMP-10) and moves the progress bar; reloads the page once the
// import has finished so that its result, or why it wrote nothing, is rendered by the server.
(function () {
    const panel = document.getElementById("import-status");
    if (!panel || panel.dataset.finished === "true") { return; }
    const bar = document.getElementById("progress-bar");
    const text = (id, value) => { const el = document.getElementById(id); if (el) { el.textContent = value; } };
    async function poll() {
        try {
            const response = await fetch(panel.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
            if (response.ok) {
                const status = await response.json();
                const percent = status.rowsTotal ? Math.floor(100 * status.rowsWritten / status.rowsTotal) : 0;
                bar.style.width = percent + "%";
                bar.parentElement.setAttribute("aria-valuenow", String(percent));
                text("phase", status.phase);
                text("rows-written", status.rowsWritten);
                text("rows-total", status.rowsTotal);
                if (status.finished) {
                    window.location.reload();
                    return;
                }
            }
        } catch (e) {
            // A failed poll (network blip, restart) is retried on the next tick.
        }
        window.setTimeout(poll, 1000);
    }
    window.setTimeout(poll, 500);
})();
