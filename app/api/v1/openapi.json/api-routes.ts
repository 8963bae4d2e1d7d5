// Every route file under app/api/v1, for the OpenAPI document. openapi.test.ts fails when a
// route file (or one of its methods) is missing here or from the document.
import { z } from "zod";

import type { RouteFile } from "@/lib/http/openapi/build-openapi-document";

import * as addresses from "../addresses/route";
import * as adminAnalyticsExport from "../admin/analytics/export/route";
import * as adminTaxReport from "../admin/tax-report/route";
import * as analyticsEvents from "../analytics/events/route";
import * as cartItemsProductid from "../cart/items/[productId]/route";
import * as cartItems from "../cart/items/route";
import * as cart from "../cart/route";
import * as categories from "../categories/route";
import * as checkoutsCheckoutidPayment from "../checkouts/[checkoutId]/payment/route";
import * as checkoutsCheckoutid from "../checkouts/[checkoutId]/route";
import * as exchangeRates from "../exchange-rates/route";
import * as meEmailVerification from "../me/email-verification/route";
import * as meEmail from "../me/email/route";
import * as meExport from "../me/export/route";
import * as meFavourites from "../me/favourites/route";
import * as mePassword from "../me/password/route";
import * as mePushSubscriptions from "../me/push-subscriptions/route";
import * as me from "../me/route";
import * as ordersOrderidConfirmDelivery from "../orders/[orderId]/confirm-delivery/route";
import * as ordersOrderidReturns from "../orders/[orderId]/returns/route";
import * as ordersOrderidReviews from "../orders/[orderId]/reviews/route";
import * as ordersOrderid from "../orders/[orderId]/route";
import * as ordersOrderidShip from "../orders/[orderId]/ship/route";
import * as orders from "../orders/route";
import * as productsProductid from "../products/[productId]/route";
import * as productsProductidStock from "../products/[productId]/stock/route";
import * as recommendationsEvents from "../recommendations/events/route";
import * as recommendations from "../recommendations/route";
import * as returnsReturnidLabel from "../returns/[returnId]/label/route";
import * as reviewsReviewidHelpful from "../reviews/[reviewId]/helpful/route";
import * as reviewsReviewidReply from "../reviews/[reviewId]/reply/route";
import * as reviewsReviewidReports from "../reviews/[reviewId]/reports/route";
import * as reviewsReviewid from "../reviews/[reviewId]/route";
import * as reviewsBuyerRatings from "../reviews/buyer-ratings/route";
import * as reviews from "../reviews/route";
import * as searchEvents from "../search/events/route";
import * as search from "../search/route";
import * as searchSuggest from "../search/suggest/route";
import * as sellersSelleridAnalyticsExport from "../sellers/[sellerId]/analytics/export/route";
import * as sellersSelleridAnalytics from "../sellers/[sellerId]/analytics/route";
import * as sellersSelleridProductsProductid from "../sellers/[sellerId]/products/[productId]/route";
import * as sellersSelleridProductsProductidSubmit from "../sellers/[sellerId]/products/[productId]/submit/route";
import * as sellersSelleridProducts from "../sellers/[sellerId]/products/route";
import * as unsubscribe from "../unsubscribe/route";
import * as uploadsUploadidBlob from "../uploads/[uploadId]/blob/route";
import * as uploadsUploadidComplete from "../uploads/[uploadId]/complete/route";
import * as uploadsUploadid from "../uploads/[uploadId]/route";
import * as uploads from "../uploads/route";
import * as usersEmailVerification from "../users/email-verification/route";
import * as usersPasswordResetComplete from "../users/password-reset/complete/route";
import * as usersPasswordReset from "../users/password-reset/route";
import * as users from "../users/route";

// The signed URL's query, checked by lib/uploads/verify-upload-url.
const ZUploadPutQuery = z.object({
  expires: z.string().meta({ description: "Expiry of the signed URL (seconds since the epoch)." }),
  max: z.string().meta({ description: "The largest size accepted, in bytes." }),
  type: z.string().meta({ description: "The content type the file must be sent with." }),
  sig: z.string().meta({ description: "HMAC signature (base64url) of the upload, expiry, size and type." }),
});

export const API_ROUTE_FILES: RouteFile[] = [
  { path: "/api/v1/addresses", module: addresses },
  { path: "/api/v1/admin/analytics/export", module: adminAnalyticsExport },
  { path: "/api/v1/admin/tax-report", module: adminTaxReport },
  { path: "/api/v1/unsubscribe", module: unsubscribe },
  { path: "/api/v1/analytics/events", module: analyticsEvents },
  { path: "/api/v1/cart/items/[productId]", module: cartItemsProductid },
  { path: "/api/v1/cart/items", module: cartItems },
  { path: "/api/v1/cart", module: cart },
  { path: "/api/v1/categories", module: categories },
  { path: "/api/v1/exchange-rates", module: exchangeRates },
  { path: "/api/v1/checkouts/[checkoutId]/payment", module: checkoutsCheckoutidPayment },
  { path: "/api/v1/checkouts/[checkoutId]", module: checkoutsCheckoutid },
  { path: "/api/v1/me/email-verification", module: meEmailVerification },
  { path: "/api/v1/me/email", module: meEmail },
  { path: "/api/v1/me/export", module: meExport },
  { path: "/api/v1/me/password", module: mePassword },
  { path: "/api/v1/me/push-subscriptions", module: mePushSubscriptions },
  { path: "/api/v1/me/favourites", module: meFavourites },
  { path: "/api/v1/me", module: me },
  { path: "/api/v1/orders/[orderId]/confirm-delivery", module: ordersOrderidConfirmDelivery },
  { path: "/api/v1/orders/[orderId]/returns", module: ordersOrderidReturns },
  { path: "/api/v1/orders/[orderId]/reviews", module: ordersOrderidReviews },
  { path: "/api/v1/orders/[orderId]", module: ordersOrderid },
  { path: "/api/v1/orders/[orderId]/ship", module: ordersOrderidShip },
  { path: "/api/v1/orders", module: orders },
  { path: "/api/v1/products/[productId]", module: productsProductid },
  { path: "/api/v1/products/[productId]/stock", module: productsProductidStock },
  { path: "/api/v1/recommendations", module: recommendations },
  { path: "/api/v1/recommendations/events", module: recommendationsEvents },
  { path: "/api/v1/returns/[returnId]/label", module: returnsReturnidLabel },
  { path: "/api/v1/reviews/[reviewId]/helpful", module: reviewsReviewidHelpful },
  { path: "/api/v1/reviews/[reviewId]/reply", module: reviewsReviewidReply },
  { path: "/api/v1/reviews/[reviewId]/reports", module: reviewsReviewidReports },
  { path: "/api/v1/reviews/[reviewId]", module: reviewsReviewid },
  { path: "/api/v1/reviews/buyer-ratings", module: reviewsBuyerRatings },
  { path: "/api/v1/reviews", module: reviews },
  { path: "/api/v1/search/events", module: searchEvents },
  { path: "/api/v1/search", module: search },
  { path: "/api/v1/search/suggest", module: searchSuggest },
  { path: "/api/v1/sellers/[sellerId]/analytics", module: sellersSelleridAnalytics },
  { path: "/api/v1/sellers/[sellerId]/analytics/export", module: sellersSelleridAnalyticsExport },
  { path: "/api/v1/sellers/[sellerId]/products/[productId]", module: sellersSelleridProductsProductid },
  { path: "/api/v1/sellers/[sellerId]/products/[productId]/submit", module: sellersSelleridProductsProductidSubmit },
  { path: "/api/v1/sellers/[sellerId]/products", module: sellersSelleridProducts },
  {
    path: "/api/v1/uploads/[uploadId]/blob",
    module: uploadsUploadidBlob,
    manual: {
      PUT: {
        summary: "Upload the file bytes through the signed URL (local storage driver)",
        description:
          "No session: the HMAC-signed URL returned by POST /api/v1/uploads is the authorization, as with a presigned S3 URL. The body is the raw file with its Content-Type.",
        requestParams: { path: z.object({ uploadId: z.uuid() }), query: ZUploadPutQuery },
        requestBody: { content: { "image/*": { schema: z.string().meta({ format: "binary" }) } } },
        responses: {
          "204": { description: "Stored." },
          default: { description: "An error as { error: { code, message } }." },
        },
      },
    },
  },
  { path: "/api/v1/uploads/[uploadId]/complete", module: uploadsUploadidComplete },
  { path: "/api/v1/uploads/[uploadId]", module: uploadsUploadid },
  { path: "/api/v1/uploads", module: uploads },
  { path: "/api/v1/users/email-verification", module: usersEmailVerification },
  { path: "/api/v1/users/password-reset/complete", module: usersPasswordResetComplete },
  { path: "/api/v1/users/password-reset", module: usersPasswordReset },
  { path: "/api/v1/users", module: users },
  {
    path: "/api/v1/openapi.json",
    module: { GET: true },
    manual: {
      GET: {
        summary: "This document (OpenAPI 3.1)",
        responses: { "200": { description: "The OpenAPI document as JSON." } },
      },
    },
  },
];
