import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { workflowAction } from "#app/editorial/workflow-action.server.ts";
import { langParam, notFound } from "#app/utils/http.server.ts";

/** Review transitions are POSTs from the editor's review panel; there is nothing to GET here. */
export function loader({ params }: LoaderFunctionArgs) {
  langParam(params);
  notFound();
}

export function action(args: ActionFunctionArgs) {
  return workflowAction(args, "editor");
}
