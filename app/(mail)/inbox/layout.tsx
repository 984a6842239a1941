import type { ReactNode } from "react";
import { ConversationActionsProvider } from "./[id]/conversation-actions";

/** The inbox and its conversations: what is done in a conversation is still reported after moving on. */
export default function InboxLayout({ children }: { children: ReactNode }) {
  return <ConversationActionsProvider>{children}</ConversationActionsProvider>;
}
