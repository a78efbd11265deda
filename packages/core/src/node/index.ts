// @aivideomaker/core/node: helpers that need Node (file system, node:http).

export type { DestinationOptions } from './destination';
export { checkDestination, isFolderDestination } from './destination';
export type { DownloadOptions, DownloadProgress, DownloadResult } from './download';
export { downloadVideo } from './download';
export type { LocalImageOptions } from './local-image';
export { imageFromPath } from './local-image';
export type { NodeRequestListener } from './webhook-listener';
export { createNodeWebhookHandler, toNodeListener } from './webhook-listener';
