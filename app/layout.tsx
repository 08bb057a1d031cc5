import type { Metadata } from "next";
import { Suspense } from "react";
import { GlobalKeys } from "@/components/keys/global-keys";
import { NavigationProgress } from "@/components/layout/navigation-progress";
import { SiteHeader } from "@/components/layout/site-header";
import { ToastProvider } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AF Lens", template: "%s · AF Lens" },
  description: "Read, label and chart alignment-faking reasoning in model transcripts.",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {/* Suspense: the bar reads the search params, which would otherwise opt every page out of streaming its shell. */}
        <Suspense fallback={null}>
          <NavigationProgress />
        </Suspense>
        <ToastProvider>
          <SiteHeader />
          <main className="mx-auto max-w-[1800px] px-6 py-5">{children}</main>
          <GlobalKeys />
        </ToastProvider>
      </body>
    </html>
  );
}
