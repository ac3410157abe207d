// Polls a transfer run's JSON status and moves the progress bar; reloads the page once the run is finished
// so the result (and any failed pairs) is rendered by the server.
(function () {
    const panel = document.getElementById("run-status");
    if (!panel || panel.dataset.finished === "true") { return; }
    const url = panel.dataset.statusUrl;
    const bar = document.getElementById("progress-bar");
    // R-UX-2: screen readers hear the progress in steps of a tenth, not every second.
    const announcer = document.getElementById("progress-announcer");
    let announced = -1;
    const announce = (percent, finished, total) => {
        const step = Math.floor(percent / 10);
        if (announcer && step !== announced) {
            announced = step;
            announcer.textContent = percent + "% done: " + finished + " of " + total + " pairs.";
        }
    };
    const text = (id, value) => { const el = document.getElementById(id); if (el) { el.textContent = value; } };
    const duration = seconds => {
        seconds = Math.max(0, Math.round(seconds));
        const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
        return (h ? h + " h " : "") + (h || m ? m + " min " : "") + s + " s";
    };
    async function poll() {
        try {
            const response = await fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
            if (response.ok) {
                const status = await response.json();
                const finished = status.done + status.failed;
                const percent = status.total ? Math.floor(100 * finished / status.total) : 0;
                bar.style.width = percent + "%";
                bar.parentElement.setAttribute("aria-valuenow", String(percent));
                text("done", status.done);
                text("failed", status.failed);
                text("percent", percent + "%");
                announce(percent, finished, status.total);
                text("state-text", status.stateText);
                if (status.startedAt) {
                    const elapsed = (Date.parse(status.finishedAt || status.now) - Date.parse(status.startedAt)) / 1000;
                    text("elapsed", duration(elapsed));
                    if (finished > 0 && finished < status.total) {
                        text("remaining", duration(elapsed / finished * (status.total - finished)));
                    }
                }
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
