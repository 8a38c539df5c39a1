import { emailPaths, emailRoute } from './email-edition.ts';

export const getStaticPaths = emailPaths;
export const GET = emailRoute('txt');
