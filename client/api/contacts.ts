import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddressBook,
  ContactExportFormat,
  ContactGroupInput,
  ContactImportRequest,
  ContactInput,
} from '../../common/contract';
import { routeUrl } from '../../common/contract/route';
import { contactsRoutes } from '../../common/routes/contacts';
import { callApi } from './http';
import { contactKeys } from './keys';

/** The address book's own key, apart from compose's completion (contactKeys.search). */
export const addressBookKeys = {
  all: ['address-book'] as const,
  list: (q: string) => [...addressBookKeys.all, q] as const,
};

export function useAddressBook(query = '') {
  const q = query.trim();
  return useQuery<AddressBook>({
    queryKey: addressBookKeys.list(q),
    queryFn: ({ signal }) => callApi(contactsRoutes.list, { query: q ? { q } : {} }, { signal }),
  });
}

/** Every change refreshes the book and the completion that reads it. */
function useBookMutation<V, R>(mutationFn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: addressBookKeys.all });
      await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}

export const useCreateContact = () =>
  useBookMutation((body: ContactInput) => callApi(contactsRoutes.create, { body }));
export const useUpdateContact = () =>
  useBookMutation(({ id, body }: { id: string; body: ContactInput }) =>
    callApi(contactsRoutes.update, { params: { id }, body }),
  );
export const useRemoveContact = () =>
  useBookMutation((id: string) => callApi(contactsRoutes.remove, { params: { id } }));
export const useCreateGroup = () =>
  useBookMutation((body: ContactGroupInput) => callApi(contactsRoutes.createGroup, { body }));
export const useUpdateGroup = () =>
  useBookMutation(({ id, body }: { id: string; body: ContactGroupInput }) =>
    callApi(contactsRoutes.updateGroup, { params: { id }, body }),
  );
export const useRemoveGroup = () =>
  useBookMutation((id: string) => callApi(contactsRoutes.removeGroup, { params: { id } }));
export const useImportContacts = () =>
  useBookMutation((body: ContactImportRequest) => callApi(contactsRoutes.import, { body }));

export const previewContactImport = (body: ContactImportRequest) =>
  callApi(contactsRoutes.importPreview, { body });

export const contactExportUrl = (format: ContactExportFormat) => routeUrl(contactsRoutes.export[format]);

/** A picked file as the import request carries it. */
export async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
