import { createDispatcher } from "./dispatch";
import { registerBatchRoute } from "./gmail/batch-route";
import { registerDraftRoutes } from "./gmail/drafts-routes";
import { registerHistoryRoutes } from "./gmail/history-routes";
import { registerLabelWriteRoutes } from "./gmail/label-write-routes";
import { registerLabelRoutes } from "./gmail/labels-routes";
import { registerMessageActionRoutes } from "./gmail/message-actions-routes";
import { registerMessageRoutes } from "./gmail/messages-routes";
import { registerSendAsRoutes } from "./gmail/send-as-routes";
import { registerSendRoutes } from "./gmail/send-routes";
import { registerThreadActionRoutes } from "./gmail/thread-actions-routes";
import { registerThreadRoutes } from "./gmail/threads-routes";
import { registerUploadRoutes } from "./gmail/upload-routes";
import { registerWatchRoutes } from "./gmail/watch-routes";
import { Router } from "./http/router";
import type { EmuRequest, EmuResponse } from "./http/types";
import { registerAuthorizeRoutes } from "./oauth/authorize";
import { registerDiscoveryRoutes } from "./oauth/discovery";
import { registerRevokeRoutes } from "./oauth/revoke";
import { registerTokenRoutes } from "./oauth/token";
import { registerUserinfoRoutes } from "./oauth/userinfo";
import { registerRiscDiscoveryRoutes } from "./risc/risc-discovery";
import { registerRiscStreamApiRoutes } from "./risc/stream-api";
import type { EmulatorState } from "./state";

/** Every Google endpoint on one origin, behind the dispatcher (faults, stats). */
export function buildGoogleDispatcher(state: EmulatorState): (req: EmuRequest) => Promise<EmuResponse> {
  const router = new Router();
  registerDiscoveryRoutes(router, state);
  registerAuthorizeRoutes(router, state);
  registerTokenRoutes(router, state);
  registerRevokeRoutes(router, state);
  registerUserinfoRoutes(router, state);
  registerRiscDiscoveryRoutes(router, state);
  registerRiscStreamApiRoutes(router, state);
  registerLabelRoutes(router, state);
  registerLabelWriteRoutes(router, state);
  registerSendAsRoutes(router, state);
  // Before the message routes: `POST messages/send` must not be read as a message id.
  registerSendRoutes(router, state);
  registerDraftRoutes(router, state);
  registerUploadRoutes(router, state);
  registerMessageRoutes(router, state);
  registerMessageActionRoutes(router, state);
  registerThreadRoutes(router, state);
  registerThreadActionRoutes(router, state);
  registerHistoryRoutes(router, state);
  registerWatchRoutes(router, state);
  const dispatch = createDispatcher(state, router);
  registerBatchRoute(router, dispatch);
  return dispatch;
}
