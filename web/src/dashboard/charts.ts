import { ArcElement, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only the pieces the dashboard draws, so the bundle carries no more of chart.js than it uses.
Chart.register(BarElement, ArcElement, CategoryScale, LinearScale, Legend, Tooltip);
// The figures change with the filters; animating every change would only slow the reading.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** Colours that stay apart for readers with the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
