// SparkVideo live view: polls /api/status once a second and draws the totals, the charts and the last rejects.
"use strict";

const COLORS = { blue: "#4da3ff", orange: "#ffaa44", grid: "#262b36", text: "#8b93a5" };
const SERIES_SECONDS = 120;
const byId = (id) => document.getElementById(id);

function formatNumber(value, digits) {
  if (value === null || value === undefined) return "–";
  return Number(value).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

// An axis value with as few decimals as show it exactly (12.5 on a 0-25 scale, not 13), at least one below 10.
function axisLabel(value, max) {
  let digits = max < 10 ? 1 : 0;
  while (digits < 3 && Math.abs(value * 10 ** digits - Math.round(value * 10 ** digits)) > 1e-9) digits++;
  return formatNumber(value, digits);
}

// Draws lines over the last SERIES_SECONDS points; a null value leaves a gap.
function drawChart(canvas, lines, unit) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);

  const values = lines.flatMap((line) => line.values).filter((v) => v !== null);
  const max = niceMax(Math.max(0, ...values));
  const labels = [0, 1, 2].map((i) => axisLabel(max * i / 2, max));

  ctx.font = "10px system-ui, sans-serif";
  // The plot starts right of its widest label ("20,000" needs more room than "50").
  const left = Math.max(34, Math.ceil(Math.max(...labels.map((label) => ctx.measureText(label).width))) + 6);
  const right = 4, top = 6, bottom = 16;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  ctx.fillStyle = COLORS.text;
  ctx.strokeStyle = COLORS.grid;
  ctx.lineWidth = 1;
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  for (let i = 0; i <= 2; i++) {
    const y = top + plotHeight * (1 - i / 2);
    ctx.beginPath();
    ctx.moveTo(left, Math.round(y) + 0.5);
    ctx.lineTo(width - right, Math.round(y) + 0.5);
    ctx.stroke();
    ctx.fillText(labels[i], left - 4, y);
  }
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  ctx.fillText(`−${SERIES_SECONDS / 60} min`, left, height - 3);
  ctx.textAlign = "right";
  ctx.fillText(`now (${unit})`, width - right, height - 3);

  const step = plotWidth / (SERIES_SECONDS - 1);
  for (const line of lines) {
    const offset = SERIES_SECONDS - line.values.length;
    ctx.strokeStyle = line.color;
    ctx.lineWidth = 1.6;
    ctx.beginPath();
    let drawing = false;
    line.values.forEach((value, i) => {
      if (value === null) { drawing = false; return; }
      const x = left + (offset + i) * step;
      const y = top + plotHeight * (1 - value / max);
      if (drawing) ctx.lineTo(x, y); else ctx.moveTo(x, y);
      drawing = true;
    });
    ctx.stroke();
  }
}

function showInput(url) {
  const input = byId("input");
  if (!url || input.dataset.src === url) return;
  input.dataset.src = url;
  input.src = url;
  input.hidden = false;
  byId("input-missing").hidden = true;
}

// One stream of every frame, or, for a job given its cameras, one tile per camera (its name, newest frame and count)
// in place of it. Set once, from the first status: the page opens only the streams it shows.
function showOutputs(cameras) {
  const output = byId("output");
  if (!cameras) {
    if (!output.getAttribute("src")) output.src = "/stream.mjpg";
    return;
  }
  byId("output-video").hidden = true;
  const videos = byId("output-video").parentElement;
  for (const camera of cameras) {
    let tile = videos.querySelector(`figure.camera[data-name="${CSS.escape(camera.name)}"]`);
    if (!tile) {
      tile = document.createElement("figure");
      tile.className = "video camera";
      tile.dataset.name = camera.name;
      const caption = document.createElement("figcaption");
      const count = document.createElement("span");
      count.className = "count";
      caption.append(camera.name, count);
      const frame = document.createElement("div");
      frame.className = "frame";
      const image = document.createElement("img");
      image.alt = `Processed video of camera ${camera.name}`;
      refreshTile(image, camera.frame);
      frame.append(image);
      tile.append(caption, frame);
      videos.append(tile);
    }
    tile.querySelector(".count").textContent = `${formatNumber(camera.processed, 0)} processed`;
  }
}

// A tile loads its camera's newest frame, then the next one 200 ms after that one arrived (or failed: no frame
// yet), so each tile holds no connection open and asks at most five times a second.
function refreshTile(image, url) {
  let request = 0;
  const next = () => setTimeout(() => { image.src = `${url}?n=${++request}`; }, 200);
  image.addEventListener("load", next);
  image.addEventListener("error", next);
  image.src = `${url}?n=${++request}`;
}

function showRejects(rejects) {
  const table = byId("rejects");
  byId("no-rejects").hidden = rejects.length > 0;
  table.hidden = rejects.length === 0;
  const body = table.tBodies[0];
  body.replaceChildren(...rejects.slice().reverse().map((reject) => {
    const row = document.createElement("tr");
    for (const text of [reject.time.replace("T", " ").replace(/\.\d+.*$/, ""), reject.timestamp, reject.reason]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
}

// The job's settings (background, edges, ...) as "name value" chips; redrawn only when they change.
function showSettings(settings) {
  const list = byId("settings");
  const text = JSON.stringify(settings);
  if (list.dataset.shown === text) return;
  list.dataset.shown = text;
  list.replaceChildren(...settings.map((setting) => {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = setting.name;
    item.append(name, " ", setting.value);
    return item;
  }));
}

function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return "–";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes, unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

// The frames' disk use and deletions come from the job's retention janitor; the free space is always there.
function showDisk(disk) {
  if (!disk) return;
  byId("disk").textContent = disk.frameBytes === null ? `${formatBytes(disk.freeBytes)} free` : formatBytes(disk.frameBytes);
  byId("disk-detail").textContent = disk.frameBytes === null
    ? "retention off"
    : `${formatNumber(disk.frameFiles, 0)} frames · deleted ${formatNumber(disk.deleted, 0)} · ${formatBytes(disk.freeBytes)} free · keep ${disk.retention}`;
}

function showHealth(status) {
  const health = byId("health");
  const recent = status.series.slice(-5);
  const streaming = recent.some((point) => point.processedPerSecond > 0);
  health.textContent = streaming ? "streaming" : "waiting for frames";
  health.className = streaming ? "pill ok" : "pill";
}

function render(status) {
  byId("processed").textContent = formatNumber(status.processed, 0);
  byId("rejected").textContent = formatNumber(status.rejected, 0);
  byId("inferences").textContent = status.inferences == null ? "n/a" : formatNumber(status.inferences, 0);
  byId("dropped").textContent = status.dropped === null ? "n/a" : formatNumber(status.dropped, 0);
  byId("batch").textContent = status.lastBatchId === null ? (status.reportsQueryProgress ? "–" : "n/a") : formatNumber(status.lastBatchId, 0);
  // With cameras the viewers of every camera's stream add up; the cap holds per stream.
  byId("viewers").textContent = status.cameras ? `${status.viewers}` : `${status.viewers} / ${status.maxViewers}`;
  showInput(status.cameraPreviewUrl);
  showOutputs(status.cameras);
  showRejects(status.recentRejects);
  showSettings(status.settings || []);
  showDisk(status.disk);
  showHealth(status);

  const series = status.series;
  const last = series.length > 0 ? series[series.length - 1] : null;
  const column = (name) => series.map((point) => point[name]);
  byId("v-input").textContent = !status.reportsQueryProgress ? "n/a on this backend" : last ? `${formatNumber(last.inputRowsPerSecond, 1)} rows/s` : "–";
  byId("v-processed").textContent = last ? `${formatNumber(last.processedPerSecond, 1)} frames/s` : "–";
  byId("v-batch").textContent = !status.reportsQueryProgress ? "n/a on this backend" : last && last.batchDurationMs !== null ? `${formatNumber(last.batchDurationMs, 0)} ms` : "–";
  byId("v-latency").textContent = last && last.latencyP50Ms !== null ? `${formatNumber(last.latencyP50Ms, 0)} / ${formatNumber(last.latencyP99Ms, 0)} ms` : "–";

  drawChart(byId("c-input"), [{ values: column("inputRowsPerSecond"), color: COLORS.blue }], "rows/s");
  drawChart(byId("c-processed"), [{ values: column("processedPerSecond"), color: COLORS.blue }], "frames/s");
  drawChart(byId("c-batch"), [{ values: column("batchDurationMs"), color: COLORS.blue }], "ms");
  drawChart(byId("c-latency"), [
    { values: column("latencyP99Ms"), color: COLORS.orange },
    { values: column("latencyP50Ms"), color: COLORS.blue },
  ], "ms");
}

async function refresh() {
  try {
    const response = await fetch("/api/status", { cache: "no-store" });
    if (!response.ok) throw new Error(`status ${response.status}`);
    render(await response.json());
  } catch (error) {
    const health = byId("health");
    health.textContent = "job not reachable";
    health.className = "pill bad";
  } finally {
    setTimeout(refresh, 1000);
  }
}

refresh();
