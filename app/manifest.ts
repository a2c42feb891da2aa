import type { MetadataRoute } from "next";

/** The web app manifest: Kioku installs as an app that opens on the review. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Kioku",
    short_name: "Kioku",
    description: "Spaced repetition from your own notes",
    start_url: "/review",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#18181b",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
